package io.github.npmrcguard.generate;

/**
 * How to merge into one project file.
 *
 * @param writeAuth      whether to write auth lines (false: registry lines only, the token goes to the user
 *                       config, for clients that cannot use a project placeholder safely)
 * @param packageManager the client that reads the file
 * @param where          the file's name in messages
 */
record MergePolicy(boolean writeAuth, PackageManager packageManager, String where) {}
