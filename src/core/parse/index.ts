// The tracker parsers: pure, never throwing, each returning a ParseResult.
export * from "./result";
export * from "./dates";
export * from "./numbers";
export * from "./percent";
export * from "./rag";
export * from "./programme";
export * from "./headers";
export * from "./enums";
