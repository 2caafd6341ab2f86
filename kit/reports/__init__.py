"""Reports and records: pandas frames from the store, exported by small plugins."""
