#include "speech/domainphrases.h"

namespace ringside::domainphrases {

namespace {
QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    out.reserve(qsizetype(items.size()));
    for (const char *s : items)
        out << QString::fromUtf8(s);
    return out;
}
} // namespace

QStringList orderStatus()
{
    return list({
        "where is my order", "where's my order", "where is my package", "where is my parcel",
        "has my order shipped", "has my package shipped yet", "when will my order arrive",
        "when will it be delivered", "when will my package arrive", "i want to track my order",
        "can you track my order", "please track my order", "what is the status of my order",
        "i haven't received my order", "i didn't get my order", "it shows delivered but i didn't get it",
        "it says delivered but i didn't receive it", "my package is not here", "my order is late",
        "my order is delayed", "why is my order delayed", "what is my tracking number",
        "can you give me the tracking number", "which courier is it", "which carrier is delivering it",
        "i don't have the order number", "i don't know my order number", "use my phone number",
        "can you look it up with my phone number", "can you send me updates", "please send me updates",
        "yes please send me updates", "the package was damaged", "my product arrived damaged",
        "i received the wrong item", "something is missing from my order", "i want to file a complaint",
        "is it out for delivery", "what day will it come", "will it come today",
        "i placed an order last week", "i ordered it on monday",
    });
}

QStringList deliveryUpdates()
{
    return list({
        "okay thank you", "okay thanks for letting me know", "what time will it arrive",
        "can i change the delivery date", "can you deliver it tomorrow", "i will not be at home",
        "nobody will be at home", "please leave it with the security guard", "leave it with my neighbor",
        "deliver it to my office", "can you deliver it in the evening", "i have a question",
        "no questions thank you", "that's fine", "that works for me",
    });
}

QStringList codConfirmation()
{
    return list({
        "yes i confirm", "yes confirm the order", "yes that is correct", "yes the details are correct",
        "the address is correct", "i want to change the address", "the address is wrong",
        "i want to change the payment method", "i want to pay online", "can i pay by card",
        "i want to cancel the order", "cancel it", "cancel my order", "please cancel it",
        "i ordered it by mistake", "i don't need it anymore", "i changed my mind",
        "i will not be available", "i will be available", "please reschedule the delivery",
        "deliver it next week", "call me later", "i am busy right now", "i will pay cash",
        "i will keep the cash ready",
    });
}

QStringList cartRecovery()
{
    return list({
        "i was just browsing", "i was just looking", "just looking", "it's too expensive",
        "it is too expensive", "the price is too high", "the shipping cost is too high",
        "shipping is too expensive", "i found it cheaper", "i found it cheaper somewhere else",
        "i found a better price", "my payment failed", "the payment did not go through",
        "i had trouble checking out", "the website was not working", "do you have any offers",
        "is there a discount", "do you have a coupon code", "yes please send the link",
        "send me the checkout link", "send the link", "can you send me a link", "please send it by sms",
        "i'm not interested", "not interested", "i'm not sure about the size",
        "i'm not sure about the quality", "what is the return policy", "does it come in other colors",
        "do you accept cash on delivery", "can i pay on delivery", "i will buy it later", "maybe later",
        "i already bought it", "i want to complete the order", "help me place the order",
    });
}

QStringList returns()
{
    return list({
        "i want to return my shoes", "i want to return an item", "i want to return my order",
        "i want to return this", "i would like to return the shirt", "i want to return the dress",
        "i want an exchange", "i want to exchange it for a different size", "the size doesn't fit",
        "it doesn't fit", "it's too small", "it's too big", "the quality is bad", "it is defective",
        "i want a refund", "when will i get my refund", "what is the status of my return",
        "can you schedule a pickup", "pick it up tomorrow", "please pick it up on monday",
        "the color is different from the picture", "i don't like it",
    });
}

QStringList callHandling()
{
    return list({
        "hello", "hi", "hello who is this", "yes", "yes please", "yeah", "sure", "okay", "no",
        "no thanks", "no thank you", "thank you", "thanks", "that's all", "that's all thank you",
        "goodbye", "bye", "talk to a human", "i want to talk to a human", "let me talk to a person",
        "connect me to an agent", "can i speak to a real person", "i want to speak to customer care",
        "representative", "what", "sorry", "i didn't understand", "can you say that again",
        "can you repeat that", "please repeat that", "repeat the tracking number", "wait", "hold on",
        "one moment please", "speak slowly please", "i can't hear you",
    });
}

QStringList confirmations()
{
    return list({
        "yes", "yes please", "yes i do", "yes it is", "yes confirm it", "yeah", "yep", "sure",
        "okay", "of course", "that's right", "correct", "go ahead", "no", "no thanks",
        "no thank you", "nope", "not now", "don't", "cancel it", "i'm not sure",
    });
}

QStringList all()
{
    return orderStatus() + deliveryUpdates() + codConfirmation() + cartRecovery() + returns() + callHandling();
}

QStringList identifierLeadIns()
{
    return list({
        "my order number is", "the order number is", "order number", "my order id is", "it's", "it is",
        "my phone number is", "the phone number is", "my number is", "the tracking number is",
    });
}

QStringList vocabulary()
{
    return list({
        "shoes", "shirt", "dress", "jeans", "bag", "watch", "phone", "headphones", "laptop", "jacket",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "tomorrow", "yesterday", "morning", "afternoon", "evening", "night", "week", "hundred",
        "thousand", "rupees", "dollars", "fedex", "ups", "dhl",
    });
}

} // namespace ringside::domainphrases
