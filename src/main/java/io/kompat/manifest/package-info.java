/**
 * Input parsers (requirements files, conda environments and exports, pip freeze, pylock, pyproject and other lockfiles) producing a Manifest whose entries keep their source spans; editing inputs in place.
 */
package io.kompat.manifest;
