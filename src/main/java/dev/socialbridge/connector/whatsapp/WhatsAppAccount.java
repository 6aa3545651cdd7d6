package dev.socialbridge.connector.whatsapp;

import java.util.Objects;

/**
 * One connected WhatsApp business phone number and the token that sends from it. {@link #toString()} redacts the
 * token.
 *
 * @param phoneNumberId the business phone number id: the account id of every WhatsApp interaction and action
 * @param wabaId        the WhatsApp Business Account holding the number ({@code entry[].id} of its webhooks)
 * @param accessToken   Bearer token, never logged
 */
record WhatsAppAccount(String phoneNumberId, String wabaId, String accessToken) {

    WhatsAppAccount {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "WhatsAppAccount[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + ", accessToken=***]";
    }
}
