package io.auditgate.contract;

import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.ProblemWriter;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /openapi}: the contract file's bytes, {@code application/yaml} (RFC 9512); anything below it is 404.
 * Payara Micro adds its own OpenAPI servlet (a Jersey application) to the root web module at {@code /openapi/*}; with
 * both patterns already mapped here, its registration finds them taken, so the re-serialised document (with its
 * invented {@code servers} and non-standard keys) and its {@code application.wadl} are never served.
 */
@WebServlet(urlPatterns = {OpenApiServlet.PATH, OpenApiServlet.PATH + "/*"}, loadOnStartup = 1)
public class OpenApiServlet extends HttpServlet {

    static final String PATH = "/openapi";
    static final String RESOURCE = "/io/auditgate/contract/openapi.yaml";
    static final String MEDIA_TYPE = "application/yaml";

    private transient byte[] document;

    @Override
    public void init() throws ServletException {
        document = document();
    }

    /** The packaged contract; its absence is a build defect that stops deployment, not a 404 at run time. */
    static byte[] document() {
        try (var in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the contract " + RESOURCE + " is not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var requestId = UUID.randomUUID().toString();
        var below = request.getPathInfo();
        if (below != null && !below.isEmpty()) {
            ProblemWriter.write(new Problem(ProblemType.NOT_FOUND, "No resource at this path.", requestId, List.of(), null),
                    response);
            return;
        }
        var method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            ProblemWriter.write(new Problem(ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: GET, HEAD.", requestId,
                    List.of(), null), response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("X-Request-Id", requestId);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(document.length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(document);
        }
    }
}
