package dev.flowline.engine.action;

/** The side-effect ports built-in actions use; adapters (AWS, local, simulator) provide them. */
public record ActionPorts(Mailer mailer) {
}
