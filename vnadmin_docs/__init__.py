"""vnadmin_docs."""
