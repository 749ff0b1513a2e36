// Transitional: the emulator test helpers live in functions/test/emulator.ts (test doubles stay out
// of src). Only nudges/send-nudges.int.test.ts still imports this path; it is being moved by another
// change — point it at '../../test/emulator' (or its new relative path) and delete this file.
export * from '../../test/emulator';
