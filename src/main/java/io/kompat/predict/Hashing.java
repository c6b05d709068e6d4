package io.kompat.predict;

import io.kompat.requirement.PackageName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pip's {@code --require-hashes} mode, which any {@code --hash} in the input turns on: every requirement of
 * the input pinned with {@code ==}, every installed release listed with its hashes, every file matching.
 */
final class Hashing {
    private Hashing() {
    }

    static Optional<PipFailure> check(PredictRequest request, List<Pick> picks, PipResolver.State state, Set<String> allHashes) {
        List<String> unpinned = new ArrayList<>();
        Map<PackageName, Set<String>> allowed = new HashMap<>();
        for (Wanted w : request.wanted()) {
            allowed.computeIfAbsent(w.requirement().name(), k -> new HashSet<>()).addAll(w.sha256());
            if (!w.constraint() && !PipFinder.isPinned(w.requirement().specifiers()) && w.requirement().url().isEmpty()) {
                unpinned.add(w.requirement().toString());
            }
        }
        if (!unpinned.isEmpty()) {
            return Optional.of(new PipFailure.Hashes(
                    "In --require-hashes mode, all requirements must have their versions pinned with ==. These do not", unpinned));
        }
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Pick p : picks) {
            Set<String> mine = allowed.getOrDefault(p.name(), Set.of());
            if (mine.isEmpty()) {
                missing.add(p.display());
                continue;
            }
            Cand pinned = state.mapping().get(Key.of(p.name()));
            if (pinned instanceof Cand.Dist d && !d.release().sha256().isEmpty()
                    && d.release().sha256().stream().noneMatch(mine::contains)) {
                mismatched.add(p.display());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new PipFailure.Hashes(
                    "Hashes are required in --require-hashes mode, but they are missing from the following requirements", missing));
        }
        if (!mismatched.isEmpty()) {
            return Optional.of(new PipFailure.Hashes("THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE", mismatched));
        }
        return Optional.empty();
    }
}
