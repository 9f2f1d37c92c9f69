package io.auditgate.floor;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /servlet-echo}: the same work as {@link EchoResource} in a plain servlet, without Jersey (Grizzly and
 * the web container only). An exact mapping, so it wins over the JAX-RS application's {@code /*}.
 */
@WebServlet("/servlet-echo")
public class EchoServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] answer;
        try (var in = request.getInputStream()) {
            answer = Answer.of(in.readAllBytes().length);
        }
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
