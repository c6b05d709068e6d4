/**
 * The picocli commands and the composition root: options to requests, results to renderers, exceptions to exit codes.
 */
package io.kompat.cli;
