/** A mistake in how berth was called: reported with a pointer to `--help` and exit code 2. */
export class UsageError extends Error {}
