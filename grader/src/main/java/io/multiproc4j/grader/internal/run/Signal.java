package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.child.Event;

/** What the grader hears from a grading JVM, in the order it hears it. */
sealed interface Signal {

    /** An event arrived over the JVM's connection. */
    record Received(Event event) implements Signal {
    }

    /**
     * The connection ended: the JVM closed it or died ({@code clean}), or it carried something that is not an event
     * ({@code why} says what).
     */
    record Closed(boolean clean, String why) implements Signal {
    }

    /** The JVM process ended. */
    record Exited(int status) implements Signal {
    }
}
