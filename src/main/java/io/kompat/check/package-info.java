/**
 * The check use case: a request (manifest, target policy, sources, options) in, a result out; prediction, evaluation against runtime rules, verdict, explanation and verified fixes.
 */
package io.kompat.check;
