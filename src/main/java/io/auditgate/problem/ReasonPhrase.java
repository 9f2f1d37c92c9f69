package io.auditgate.problem;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Standard reason phrases (RFC 9110, RFC 6585) for the statuses Payara's HTTP layer has no phrase for: left alone it
 * writes {@code 429 CUSTOM}. The servlet API cannot set a phrase, and the container's own route ({@code sendError})
 * loses it again in the error-page dispatch, so the phrase is set on the container's response behind the servlet
 * facade (Grizzly's {@code Response#setDetailMessage}, via Catalina's {@code getCoyoteResponse()}). Where that is not
 * there (another container), the status is still right and only the phrase is the container's (one warning).
 */
final class ReasonPhrase {

    private static final Logger LOG = Logger.getLogger(ReasonPhrase.class.getName());

    static final Map<Integer, String> THE_CONTAINER_LACKS = Map.of(
            422, "Unprocessable Content",
            429, "Too Many Requests");

    private static volatile Access access;

    private ReasonPhrase() {
    }

    private static volatile boolean warned;

    /** After {@code setStatus(status)}: sets the standard phrase if the container lacks it. */
    static void set(ServletResponse response, int status) {
        var phrase = THE_CONTAINER_LACKS.get(status);
        if (phrase == null) {
            return;
        }
        var facade = response;
        while (facade instanceof ServletResponseWrapper wrapper) {
            facade = wrapper.getResponse();
        }
        try {
            var found = access;
            if (found == null || found.facade() != facade.getClass()) {
                found = Access.of(facade.getClass());
                access = found;
            }
            found.setDetailMessage().invoke(found.inner().invoke(facade), phrase);
        } catch (Throwable e) {
            if (!warned) {
                warned = true;
                LOG.warning("Standard reason phrases cannot be set on " + facade.getClass().getName() + " ("
                        + e.getClass().getName() + "); statuses are right, phrases are the container's");
            }
        }
    }

    /**
     * The facade's {@code response} field, and on that Catalina response {@code getCoyoteResponse()}, whose
     * {@code setDetailMessage(String)} is the reason phrase of the status line (Grizzly's {@code Response}).
     */
    private record Access(Class<?> facade, MethodHandle inner, MethodHandle setDetailMessage) {

        static Access of(Class<?> facade) throws ReflectiveOperationException {
            var field = field(facade);
            field.setAccessible(true);
            var lookup = MethodHandles.lookup();
            var catalina = lookup.unreflectGetter(field);
            var getCoyote = lookup.unreflect(field.getType().getMethod("getCoyoteResponse"));
            var coyote = MethodHandles.filterReturnValue(catalina, getCoyote)
                    .asType(MethodType.methodType(Object.class, Object.class));
            var setter = lookup.findVirtual(getCoyote.type().returnType(), "setDetailMessage",
                    MethodType.methodType(void.class, String.class)).asType(
                    MethodType.methodType(void.class, Object.class, String.class));
            return new Access(facade, coyote, setter);
        }

        private static Field field(Class<?> facade) throws NoSuchFieldException {
            for (Class<?> c = facade; c != null; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredField("response");
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException("response");
        }
    }
}
