import { UserError } from "./errors.js";
/** Splits on spaces, keeping "double" or 'single' quoted values (with \-escapes) together; a quote inside a word (Domino's) is just a letter. */
export function tokenize(input) {
    const tokens = [];
    let text = "";
    let name = null;
    let started = false;
    let quoted = false;
    let i = 0;
    const push = () => {
        if (started)
            tokens.push({ text, name });
        text = "";
        name = null;
        started = false;
        quoted = false;
    };
    while (i < input.length) {
        const ch = input[i];
        if (/\s/.test(ch)) {
            push();
            i += 1;
        }
        else if ((ch === '"' || ch === "'") && text === "") {
            let j = i + 1;
            let part = "";
            while (j < input.length && input[j] !== ch) {
                if (input[j] === "\\" && j + 1 < input.length)
                    j += 1;
                part += input[j];
                j += 1;
            }
            if (j >= input.length)
                throw new UserError(`A quote (${ch}) is not closed: close it and try again.`);
            text += part;
            started = true;
            quoted = true;
            i = j + 1;
        }
        else {
            // The first unquoted colon after a bare word makes the token `name:value`.
            if (ch === ":" && name === null && !quoted && /^[\w-]+$/.test(text)) {
                name = text.toLowerCase();
                text = "";
            }
            else {
                text += ch;
            }
            started = true;
            i += 1;
        }
    }
    push();
    return tokens;
}
//# sourceMappingURL=slash-tokens.js.map