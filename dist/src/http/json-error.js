/**
 * Where a JSON text first goes wrong, as 1-based line and column. Only called after JSON.parse has
 * failed: V8's messages carry a position for some errors ("at position 17") but not for an
 * unexpected token, so a small scanner finds it instead.
 */
export function jsonErrorLocation(text) {
    const offset = firstErrorOffset(text);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/** Offset of the first character that makes `text` invalid JSON (text.length when it ends too early). */
export function firstErrorOffset(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && " \t\n\r".includes(text[i]))
            i++;
    };
    const fail = () => {
        throw i;
    };
    const literal = (word) => {
        for (const ch of word) {
            if (text[i] !== ch)
                fail();
            i++;
        }
    };
    const string = () => {
        i++;
        while (i < text.length && text[i] !== '"') {
            const code = text.charCodeAt(i);
            if (code < 0x20)
                fail();
            if (text[i] === "\\") {
                i++;
                if (text[i] === "u") {
                    for (let k = 0; k < 4; k++) {
                        i++;
                        if (!/[0-9a-fA-F]/.test(text[i] ?? ""))
                            fail();
                    }
                }
                else if (!'"\\/bfnrt'.includes(text[i] ?? "x"))
                    fail();
            }
            i++;
        }
        if (i >= text.length)
            fail();
        i++;
    };
    const isDigit = () => i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
    const digits = () => {
        if (!isDigit())
            fail();
        while (isDigit())
            i++;
    };
    // Step by step, so the error lands on the character V8 would name ("-5e -3" fails at the space).
    const number = () => {
        if (text[i] === "-")
            i++;
        if (text[i] === "0")
            i++;
        else
            digits();
        if (text[i] === ".") {
            i++;
            digits();
        }
        if (text[i] === "e" || text[i] === "E") {
            i++;
            if (text[i] === "+" || text[i] === "-")
                i++;
            digits();
        }
    };
    const value = (depth) => {
        if (depth > 500)
            fail();
        ws();
        const ch = text[i];
        if (ch === "{") {
            i++;
            ws();
            if (text[i] === "}") {
                i++;
                return;
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail();
                string();
                ws();
                if (text[i] !== ":")
                    fail();
                i++;
                value(depth + 1);
                ws();
                if (text[i] === ",")
                    i++;
                else if (text[i] === "}") {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        if (ch === "[") {
            i++;
            ws();
            if (text[i] === "]") {
                i++;
                return;
            }
            for (;;) {
                value(depth + 1);
                ws();
                if (text[i] === ",")
                    i++;
                else if (text[i] === "]") {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        if (ch === '"')
            string();
        else if (ch === "t")
            literal("true");
        else if (ch === "f")
            literal("false");
        else if (ch === "n")
            literal("null");
        else
            number();
    };
    try {
        value(0);
        ws();
        if (i < text.length)
            fail();
        return text.length;
    }
    catch (at) {
        if (typeof at === "number")
            return at;
        throw at;
    }
}
//# sourceMappingURL=json-error.js.map