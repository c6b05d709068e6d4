/**
 * Audits of many files for CI: which files hold dependencies, each checked as check would, findings with their levels.
 */
package io.kompat.audit;
