/** Where reports of a global consumer service come from on a normal day. */
export const GLOBAL_REGIONS = [
    ["US", 34],
    ["GB", 12],
    ["IN", 8],
    ["BR", 7],
    ["JP", 6],
    ["DE", 5],
    ["CA", 5],
    ["FR", 5],
    ["ES", 3],
    ["IT", 3],
    ["AU", 3],
    ["MX", 3],
    ["NL", 2],
    ["TR", 2],
    ["PH", 2],
];
/** Region mix of reports during X's outage: the UK well represented, Japan and India loud. */
export const X_OUTAGE_REGIONS = [
    ["US", 34],
    ["GB", 21],
    ["JP", 8],
    ["IN", 7],
    ["BR", 6],
    ["CA", 5],
    ["DE", 4],
    ["FR", 4],
    ["ES", 2.5],
    ["IT", 2],
    ["AU", 2],
    ["MX", 2],
    ["NL", 1.5],
    ["TR", 1],
    ["IE", 1],
];
/** Problem mix of a social app on a normal day. */
export const SOCIAL_PROBLEMS = [
    ["app", 40],
    ["website", 25],
    ["login", 15],
    ["notifications", 10],
    ["other", 10],
];
/** Problem mix during X's outage: mostly the app, then the website, then login. */
export const X_OUTAGE_PROBLEMS = [
    ["app", 56],
    ["website", 33],
    ["login", 11],
];
/** Problem mix of a developer platform. */
export const DEV_PROBLEMS = [
    ["website", 45],
    ["login", 20],
    ["connection", 20],
    ["other", 15],
];
//# sourceMappingURL=mixes.js.map