"""A programme's life in git: amendment orders between two revisions, the consolidated text."""
