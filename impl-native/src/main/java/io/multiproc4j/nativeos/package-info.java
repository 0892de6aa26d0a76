/**
 * multiproc4j on Linux system calls through the Foreign Function &amp; Memory API: {@link
 * io.multiproc4j.nativeos.NativeProvider}, provider id {@code native}.
 */
package io.multiproc4j.nativeos;
