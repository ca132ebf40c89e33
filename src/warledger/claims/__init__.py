"""Claims: casualties, territorial control and events found in one document's sentences."""
