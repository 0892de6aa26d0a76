package io.multiproc4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpContext;
import io.multiproc4j.ProviderLookupException;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private record Fake(String id, int priority) implements MultiprocessingProvider {
        @Override
        public MpContext context() {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    private static final class OtherFake implements MultiprocessingProvider {
        @Override
        public String id() {
            return "alpha";
        }

        @Override
        public MpContext context() {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void anExplicitIdWins() {
        Map<String, MultiprocessingProvider> all = Providers.index(List.of(new Fake("alpha", 0), new Fake("beta", 9)));
        assertThat(Providers.choose(all, "alpha", "test").id()).isEqualTo("alpha");
    }

    @Test
    void withoutAnIdTheHighestPriorityWins() {
        Map<String, MultiprocessingProvider> all = Providers.index(List.of(new Fake("alpha", 0), new Fake("beta", 9)));
        assertThat(Providers.choose(all, null, "test").id()).isEqualTo("beta");
        assertThat(Providers.choose(Providers.index(List.of(new Fake("only", -5))), " ", "test").id())
                .isEqualTo("only");
    }

    @Test
    void aTieInPriorityIsAnErrorThatNamesBoth() {
        Map<String, MultiprocessingProvider> all = Providers.index(List.of(new Fake("alpha", 1), new Fake("beta", 1)));
        assertThatThrownBy(() -> Providers.choose(all, null, "test"))
                .isInstanceOf(ProviderLookupException.class)
                .hasMessageContaining("alpha").hasMessageContaining("beta").hasMessageContaining("multiproc4j.provider");
    }

    @Test
    void noProviderIsAnErrorThatSaysWhatToAdd() {
        assertThatThrownBy(() -> Providers.choose(Map.of(), null, "test"))
                .isInstanceOf(ProviderLookupException.class)
                .hasMessageContaining("no multiproc4j implementation was found");
    }

    @Test
    void anUnknownIdIsAnErrorThatListsTheIdsFound() {
        Map<String, MultiprocessingProvider> all = Providers.index(List.of(new Fake("alpha", 0)));
        assertThatThrownBy(() -> Providers.byId(all, "gamma"))
                .isInstanceOf(ProviderLookupException.class)
                .hasMessageContaining("'gamma'").hasMessageContaining("alpha");
        assertThatThrownBy(() -> Providers.choose(all, "gamma", "system property x"))
                .hasMessageContaining("system property x");
    }

    @Test
    void twoClassesClaimingOneIdAreRefused() {
        assertThatThrownBy(() -> Providers.index(List.of(new Fake("alpha", 0), new OtherFake())))
                .isInstanceOf(ProviderLookupException.class)
                .hasMessageContaining("two multiproc4j implementations claim the id 'alpha'");
    }

    @Test
    void invalidIdsAreRefused() {
        assertThatThrownBy(() -> Providers.index(List.of(new Fake("Has Space", 0))))
                .isInstanceOf(ProviderLookupException.class).hasMessageContaining("invalid id");
    }
}
