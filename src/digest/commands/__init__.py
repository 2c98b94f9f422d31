"""One module a command: its help text, examples, arguments and `run(args) -> exit code`."""
