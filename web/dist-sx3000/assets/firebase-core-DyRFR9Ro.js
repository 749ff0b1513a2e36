import{v as e}from"./firebase-auth-DNQWRgYc.js";e(`firebase`,`12.19.0`,`app`);
//# sourceMappingURL=firebase-core-DyRFR9Ro.js.map