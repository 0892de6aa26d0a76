package io.multiproc4j.spi;

import io.multiproc4j.TaskNotSerializableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Java serialisation of tasks, with failures explained in terms of the user's own classes and fields. */
final class TaskCodec {

    private TaskCodec() {
    }

    /**
     * @param task what to serialise
     * @param what what it is, for messages, for example {@code the task of process 'Process-1'}
     */
    static byte[] encode(Object task, String what) {
        return encode(task, what, "");
    }

    /**
     * @param task what to serialise
     * @param what what it is, for messages
     * @param hint said after the explanation when the task captured an IPC object, which refuses to be serialised
     *     outside {@link Transfer}; empty for nothing
     */
    static byte[] encode(Object task, String what, String hint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        } catch (NotSerializableException e) {
            String offender = e.getMessage();
            if (offender != null && offender.contains(" ")) {
                // not a class name but an explanation, from an object that may cross only in some ways
                throw new TaskNotSerializableException(what + " cannot be serialised: " + offender + hint,
                        task.getClass().getName(), e);
            }
            String path = pathTo(task, offender);
            throw new TaskNotSerializableException(what + " captured " + offender + ", which is not Serializable"
                    + (path.isEmpty() ? "" : " (reached through " + path + ")")
                    + "; capture only serialisable values, make that class implement java.io.Serializable,"
                    + " or mark the field transient", offender, e);
        } catch (IOException | RuntimeException e) {
            throw new TaskNotSerializableException(what + " could not be serialised: " + e, task.getClass().getName(),
                    e);
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Finds the chain of fields from the task to the first object of the offending class, breadth first. */
    private static String pathTo(Object root, String offender) {
        Deque<Object[]> queue = new ArrayDeque<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        queue.add(new Object[] {root, describe(root.getClass())});
        seen.add(root);
        int budget = 10_000;
        while (!queue.isEmpty() && budget-- > 0) {
            Object[] entry = queue.poll();
            Object obj = entry[0];
            String path = (String) entry[1];
            if (obj.getClass().getName().equals(offender)) {
                return path;
            }
            if (!(obj instanceof Serializable) && obj != root) {
                continue;
            }
            if (obj.getClass().isArray()) {
                if (!obj.getClass().getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(obj); i++) {
                        offer(queue, seen, Array.get(obj, i), path + "[" + i + "]");
                    }
                }
                continue;
            }
            if (obj instanceof Iterable<?> it) {
                int i = 0;
                for (Object element : it) {
                    offer(queue, seen, element, path + ".<element " + i++ + ">");
                }
            }
            if (obj instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    offer(queue, seen, e.getKey(), path + ".<key " + e.getKey() + ">");
                    offer(queue, seen, e.getValue(), path + ".<value of " + e.getKey() + ">");
                }
            }
            for (Class<?> c = obj.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        offer(queue, seen, f.get(obj), path + " → field " + f.getName());
                    } catch (RuntimeException | IllegalAccessException inaccessible) {
                        // a JDK-internal field we may not read; serialisation of such types is the JDK's business
                    }
                }
            }
        }
        return "";
    }

    private static void offer(Deque<Object[]> queue, Set<Object> seen, Object value, String path) {
        if (value != null && seen.add(value)) {
            queue.add(new Object[] {value, path + " (" + describe(value.getClass()) + ")"});
        }
    }

    private static String describe(Class<?> c) {
        String name = c.getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda >= 0 ? "lambda in " + name.substring(0, lambda) : name;
    }
}
