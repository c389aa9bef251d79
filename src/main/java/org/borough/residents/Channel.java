// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

/** How a resident reaches the council, or prefers to be reached. */
public enum Channel {
  PHONE("Phone", false),
  WEB("Web", true),
  EMAIL("Email", true),
  FACE_TO_FACE("Face to face", false),
  LETTER("Letter", false),
  APP("App (Open311)", true),
  SOCIAL("Social media", true);

  private final String label;
  private final boolean digital;

  Channel(String label, boolean digital) {
    this.label = label;
    this.digital = digital;
  }

  public String label() {
    return label;
  }

  /** Self-service channels, for channel-shift figures. */
  public boolean digital() {
    return digital;
  }
}
