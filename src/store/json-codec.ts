/**
 * Plain JSON both ways: Keyv's default serializer walks values in JavaScript and parses with a
 * reviver, several times slower on the aggregator's large per-service values; ours are plain JSON.
 */
export const JSON_CODEC = {
  serialize: (data: unknown) => JSON.stringify(data),
  deserialize: (data: string) => JSON.parse(data),
};
