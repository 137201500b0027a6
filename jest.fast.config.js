/** `npm run test:fast`: every unit and component suite, without the slow ones listed in jest.config.js. */
const config = require("./jest.config.js");

module.exports = { ...config, testPathIgnorePatterns: ["/node_modules/", ...config.SLOW_SUITES] };
