"""The exit codes every command shares, and the help text that documents them."""

EXIT_OK = 0
EXIT_PROBLEMS = 1  # done, but some dumps were skipped (build --strict) or have errors (check)
EXIT_ERROR = 2  # nothing done: usage, config, template, output or folder error
EXIT_BUG = 3  # digest itself failed
EXIT_INTERRUPTED = 130

EPILOG = """exit codes:
  0    done (build: also when some dumps were skipped; they are listed)
  1    done, but build --strict skipped some dumps, or
       check found errors (or warnings, with --strict)
  2    nothing done: a usage, config, template or output error
  3    digest itself failed: run again with --debug and report the traceback
  130  interrupted (Ctrl-C); the previous output is untouched
"""
