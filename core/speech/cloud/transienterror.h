#pragma once
// Which failed HTTP exchanges with a speech provider are worth sending again. Shared by the
// clients that retry (Google Chirp's recognition, the REST synthesizers of Azure and Cartesia).

#include <QNetworkReply>

namespace ringside {

// The service or the path to it hiccuped: a 5xx, or the connection refused, reset or lost. Not a
// refusal of what we sent (4xx), not a missing host or a bad certificate (configuration), and not
// a timeout: the caller has already waited that long, so the caller's fallback takes over instead.
inline bool isTransientFailure(int httpStatus, QNetworkReply::NetworkError error)
{
    if (httpStatus != 0)
        return httpStatus >= 500 && httpStatus <= 599;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

} // namespace ringside
