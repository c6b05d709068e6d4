package io.kompat.predict;

/** A requirement and the candidate that brought it in (null: the user's input), as resolvelib records it. */
record Information(Req requirement, Cand parent) {
}
