#pragma once

#include <QByteArray>

namespace ringside::platforms {

// base64(HMAC-SHA256(secret, rawBody)): what Shopify sends in X-Shopify-Hmac-Sha256 and
// WooCommerce in X-WC-Webhook-Signature.
QByteArray webhookSignature(const QByteArray &secret, const QByteArray &rawBody);
// Compares the header with the expected signature in constant time (no early exit on a mismatch).
bool verifyWebhookSignature(const QByteArray &secret, const QByteArray &rawBody, const QByteArray &header);

} // namespace ringside::platforms
