package io.multiproc4j.spi;

import io.multiproc4j.MpProcess;

/** The name, which every kind of process has and may change at any time. */
abstract class NamedProcess implements MpProcess {

    private volatile String name;

    NamedProcess(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final MpProcess setName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a process name must not be null or empty");
        }
        this.name = name;
        return this;
    }
}
