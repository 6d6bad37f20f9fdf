//! Browser storage (IndexedDB) for workspaces and their changes.
