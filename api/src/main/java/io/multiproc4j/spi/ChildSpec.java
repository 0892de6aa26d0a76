package io.multiproc4j.spi;

import java.io.Serializable;

/**
 * Everything a child needs to become the process its parent created: sent from the parent to the child by the
 * launcher, as the bytes of {@link LaunchRequest#childSpec()}.
 */
final class ChildSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    final String providerId;
    final String name;
    final boolean daemon;
    final int[] identity;
    final long parentPid;
    final String parentName;
    final byte[] task;

    ChildSpec(String providerId, String name, boolean daemon, int[] identity, long parentPid, String parentName,
            byte[] task) {
        this.providerId = providerId;
        this.name = name;
        this.daemon = daemon;
        this.identity = identity.clone();
        this.parentPid = parentPid;
        this.parentName = parentName;
        this.task = task;
    }
}
