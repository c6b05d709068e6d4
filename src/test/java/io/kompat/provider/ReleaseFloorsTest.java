package io.kompat.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.origin.Origin;
import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounds --as-of infers for releases of unknown date, each from dated releases only. */
class ReleaseFloorsTest {
    private static final Origin ORIGIN = Origin.target("test");

    private static Release release(String version, String date, String... requires) {
        List<Requirement> reqs = new ArrayList<>();
        for (String r : requires) {
            reqs.add(Requirement.parse(r));
        }
        Metadata md = new Metadata.Known(reqs, SpecifierSet.any(), Optional.empty(), ORIGIN);
        return new Release(Version.parse(version), Optional.empty(), Optional.ofNullable(date).map(LocalDate::parse), List.of(), () -> md);
    }

    private static Project.Listed listed(String name, boolean complete, Release... releases) {
        Project.Unlisted unlisted = complete ? new Project.None() : new Project.Any("not complete");
        return new Project.Listed(PackageName.of(name), List.of(releases), unlisted, List.of(), List.of(), ORIGIN, List.of(releases));
    }

    private static ReleaseFloors floors(Project.Listed project, Project.Listed... others) {
        Map<PackageName, Project> byName = new HashMap<>();
        for (Project.Listed o : others) {
            byName.put(o.name(), o);
        }
        return new ReleaseFloors(project, n -> byName.getOrDefault(n, new Project.Unknown(n, "none")), new HashMap<>());
    }

    @Test
    void aPatchComesAfterTheDatedFirstReleaseOfItsSeries() {
        Project.Listed tf = listed("tf", true, release("1.0.0", "2020-01-10"), release("1.0.3", null));
        assertThat(floors(tf).floor(Version.parse("1.0.3"))).contains(LocalDate.parse("2020-01-10"));
        assertThat(floors(tf).mayBeOutBy(tf.releases().get(1), LocalDate.parse("2020-01-09"))).isFalse();
        assertThat(floors(tf).mayBeOutBy(tf.releases().get(1), LocalDate.parse("2020-01-10"))).isTrue();
    }

    @Test
    void aReleaseComesAfterTheFirstReleaseThatMeetsItsRequirementCountingAPreReleaseTheRequirementNames() {
        Project.Listed board = listed("board", true, release("2.7.0rc0", "2021-09-23"), release("2.7.0", "2021-10-26"));
        Project.Listed tf = listed("tf", true, release("2.7.0", null, "board>=2.7.0rc0,<2.8"));
        // The requirement names a pre-release, so board 2.7.0rc0 meets it: the floor is its day, not 2.7.0's.
        assertThat(floors(tf, board).floor(Version.parse("2.7.0"))).contains(LocalDate.parse("2021-09-23"));
    }

    @Test
    void noSeriesFloorFromAListThatMayLackEarlierReleases() {
        // 1.5.3 is listed and dated late; with an incomplete list it is no evidence about when 1.6 began.
        Project.Listed complete = listed("x", true, release("1.5.3", "2021-06-01"), release("1.6.0", null));
        Project.Listed incomplete = listed("x", false, release("1.5.3", "2021-06-01"), release("1.6.0", null));
        assertThat(floors(complete).floor(Version.parse("1.6.0"))).contains(LocalDate.parse("2021-06-01"));
        assertThat(floors(incomplete).floor(Version.parse("1.6.0"))).isEmpty();
    }

    @Test
    void aDatedReleaseKeepsItsOwnDate() {
        Project.Listed board = listed("board", true, release("3.0.0", "2022-05-01"));
        Project.Listed tf = listed("tf", true, release("3.0.0", "2022-01-01", "board>=3.0.0"), release("3.0.1", null));
        assertThat(floors(tf, board).floor(Version.parse("3.0.0"))).contains(LocalDate.parse("2022-01-01"));
    }
}
