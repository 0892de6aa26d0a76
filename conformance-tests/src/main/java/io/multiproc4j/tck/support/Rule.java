package io.multiproc4j.tck.support;

/**
 * One rule of the specification.
 *
 * @param id the rule id, for example {@code PROC-01}
 * @param level {@code MUST}, {@code SHOULD} or {@code MAY}
 * @param statement the rule's one sentence
 * @param page the spec page it is listed on, for example {@code processes.md}
 */
public record Rule(String id, String level, String statement, String page) {

    /** @return whether an implementation must satisfy the rule to be conformant */
    public boolean required() {
        return level.equals("MUST");
    }

    /** @return the rule's anchor in its spec page, for example {@code processes.md#PROC-01} */
    public String anchor() {
        return page + "#" + id;
    }
}
