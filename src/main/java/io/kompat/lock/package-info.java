/**
 * Lockfiles of a working install: requirements with hashes, pylock.toml, conda environment, JSON; never partly pinned or partly hashed.
 */
package io.kompat.lock;
