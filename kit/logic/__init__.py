"""Pure logic: no widgets, no store. Easy to test, reused by views and reports."""
