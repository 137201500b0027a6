// The reading corpus's big files, built at run time: every sheet formatted to row 1,048,576, every row styled to
// column XFD (the sample's figures, read in bounded time and memory) and zip bombs (refused). A slow suite
// (jest.config.js): \`npm test\` runs it, \`npm run test:fast\` leaves it out; its times are in \`npm run bench\`.
import { readingCorpusSuite } from "./corpus-support";

jest.setTimeout(300_000);

readingCorpusSuite(true);
