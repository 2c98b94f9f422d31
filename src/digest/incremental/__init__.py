"""What lets a rebuild skip work: the record cache, page keys, the previous build's manifest and
the decisions of what to keep from the previous site."""
