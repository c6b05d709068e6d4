/**
 * Where a fact comes from (an input line, a matrix rule with its sources, the target), in words an explanation can cite.
 */
package io.kompat.origin;
