package io.auditgate.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The floor WAR's JAX-RS application, served at the root context like the gateway's ({@code POST /echo}). */
@ApplicationPath("/")
public class FloorApplication extends Application {
}
