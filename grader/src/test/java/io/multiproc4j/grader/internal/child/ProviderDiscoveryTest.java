package io.multiproc4j.grader.internal.child;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.child.ProviderDiscovery.Found;
import io.multiproc4j.grader.internal.child.ProviderDiscovery.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {

    private static final Found MINE = new Found("mine", "a.Mine", "/s/mine.jar", true);
    private static final Found ALSO_MINE = new Found("also", "a.Also", "/s/mine.jar", true);
    private static final Found LIBRARY = new Found("processbuilder", "p.Pb", "/lib/pb.jar", false);

    @Test
    void theSubmissionsOnlyProviderIsChosenWhateverItsLibrariesBring() {
        Outcome o = ProviderDiscovery.choose(List.of(LIBRARY, MINE), List.of(), "");
        assertThat(o.chosen()).contains(MINE);
    }

    @Test
    void noProviderOfItsOwnIsAProblemThatSaysHowToRegisterOne() {
        Outcome o = ProviderDiscovery.choose(List.of(LIBRARY), List.of(), "");
        assertThat(o.chosen()).isEmpty();
        assertThat(o.problem()).isEqualTo(Event.Problem.NO_PROVIDER);
        assertThat(o.message()).contains("META-INF/services/io.multiproc4j.spi.MultiprocessingProvider",
                "'processbuilder'");
    }

    @Test
    void twoProvidersOfItsOwnAreAProblemUnlessOneIsNamed() {
        Outcome o = ProviderDiscovery.choose(List.of(MINE, ALSO_MINE), List.of(), "");
        assertThat(o.problem()).isEqualTo(Event.Problem.SEVERAL_PROVIDERS);
        assertThat(o.message()).contains("'mine'", "'also'", "--provider");
        assertThat(ProviderDiscovery.choose(List.of(MINE, ALSO_MINE), List.of(), "also").chosen())
                .contains(ALSO_MINE);
    }

    @Test
    void aNamedProviderMayComeFromALibraryButMustExistOnce() {
        assertThat(ProviderDiscovery.choose(List.of(LIBRARY, MINE), List.of(), "processbuilder").chosen())
                .contains(LIBRARY);
        Outcome unknown = ProviderDiscovery.choose(List.of(MINE), List.of(), "nope");
        assertThat(unknown.problem()).isEqualTo(Event.Problem.UNKNOWN_PROVIDER);
        assertThat(unknown.message()).contains("'nope'", "'mine'");
        Found twin = new Found("mine", "b.Other", "/s/other.jar", true);
        assertThat(ProviderDiscovery.choose(List.of(MINE, twin), List.of(), "mine").problem())
                .isEqualTo(Event.Problem.SEVERAL_PROVIDERS);
    }

    @Test
    void aProviderThatCannotBeLoadedIsReportedWithItsError() {
        Outcome o = ProviderDiscovery.choose(List.of(), List.of("a.Broken could not be constructed: boom"), "");
        assertThat(o.problem()).isEqualTo(Event.Problem.BROKEN_PROVIDER);
        assertThat(o.message()).contains("boom");
    }

    @Test
    void onTheTestsClassPathThereIsNoProviderOfTheSubmission() {
        // The tests' class path holds the processbuilder implementation, which is nobody's submission here.
        Outcome o = ProviderDiscovery.discover(Set.of(), "");
        assertThat(o.problem()).isEqualTo(Event.Problem.NO_PROVIDER);
        assertThat(o.message()).contains("processbuilder");
    }
}
