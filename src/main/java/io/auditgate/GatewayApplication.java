package io.auditgate;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The gateway's JAX-RS application, served at the root context: {@code POST /invoke}. */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
