/**
 * PEP 440 versions and specifiers as exact values (parsing, ordering, matching), with no other kompat dependency.
 */
package io.kompat.version;
