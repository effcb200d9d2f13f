/**
 * Attaches a chart to the reply's first embed when the context can draw one. A failed drawing is
 * logged and the reply goes out without a picture: the text already says everything.
 */
export async function withChart(reply, ctx, draw, what) {
    const embed = reply.embeds?.[0];
    if (!ctx.charts || !embed)
        return reply;
    try {
        const file = await draw(ctx.charts);
        if (!file)
            return reply;
        return {
            ...reply,
            embeds: [{ ...embed, imageUrl: `attachment://${file.name}` }, ...(reply.embeds?.slice(1) ?? [])],
            files: [...(reply.files ?? []), file],
        };
    }
    catch (error) {
        ctx.log?.warn({ err: error, ...what }, "chart failed; replying without it");
        return reply;
    }
}
//# sourceMappingURL=chart.js.map