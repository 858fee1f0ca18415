"""Reference intake service: the receiving end a municipality can run."""
