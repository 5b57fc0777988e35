// NANP area codes of the United States by timezone, for TCPA's "called party's local time".
// Codes whose territory spans two zones (e.g. 850 in the Florida panhandle, 541 in Oregon) are
// listed under both, so a call has to fit the window in each. Codes not listed (new overlays,
// Canada, the Caribbean) fall back to every US zone. Source: the NANPA area-code map by state,
// checked against each state's time-zone boundaries.
#include "campaigns/calledparty.h"

#include <QHash>

namespace ringside::campaigns {

namespace {

struct ZoneCodes
{
    const char *zone;
    const char *codes; // space-separated
};

const ZoneCodes kTable[] = {
    { "America/New_York",
      // CT DE DC FL GA IN KY ME MD MA MI NH NJ NY NC OH PA RI SC TN VT VA WV
      "203 475 860 959 302 202 771 "
      "239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954 850 448 "
      "229 404 470 478 678 706 762 770 912 943 "
      "260 317 463 574 765 812 930 "
      "502 606 859 270 364 "
      "207 227 240 301 410 443 667 339 351 413 508 617 774 781 857 978 "
      "231 248 269 313 517 586 616 679 734 810 947 989 906 "
      "603 201 551 609 640 732 848 856 862 908 973 "
      "212 315 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934 "
      "252 336 472 704 743 828 910 919 980 984 "
      "216 220 234 283 326 330 380 419 436 440 513 567 614 740 937 "
      "215 223 267 272 412 445 484 570 582 610 717 724 814 835 878 "
      "401 803 839 843 854 864 423 865 931 802 276 434 540 571 703 757 804 826 948 304 681" },
    { "America/Chicago",
      // AL AR IL IA KS LA MN MS MO NE ND SD OK TN TX WI, and the split codes of FL IN KY MI
      "205 251 256 334 659 938 479 501 870 327 "
      "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872 "
      "319 515 563 641 712 316 785 913 620 225 318 337 504 985 "
      "218 320 507 612 651 763 952 228 601 662 769 314 417 557 573 636 660 816 975 "
      "402 531 308 701 605 405 539 572 580 918 615 629 731 901 931 "
      "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979 "
      "262 274 414 534 608 715 920 "
      "850 448 219 812 930 270 364 906" },
    { "America/Denver",
      // CO MT NM UT WY, El Paso, and the split codes of ID KS NE ND SD OR TX
      "303 719 720 970 983 406 505 575 385 435 801 307 915 208 986 620 308 701 605 541 458 432" },
    { "America/Phoenix", "480 520 602 623 928" },
    { "America/Los_Angeles",
      // CA NV OR WA, and northern Idaho
      "209 213 279 310 323 341 350 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 "
      "760 805 818 820 831 840 858 909 916 925 949 951 702 725 775 458 503 541 971 206 253 360 425 509 564 208 986" },
    { "America/Anchorage", "907" },
    { "Pacific/Honolulu", "808" },
    { "America/Puerto_Rico", "787 939 340" },
};

QHash<QString, QList<QByteArray>> buildAreaCodeIndex()
{
    QHash<QString, QList<QByteArray>> index;
    for (const ZoneCodes &row : kTable) {
        const QStringList codes = QString::fromLatin1(row.codes).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &code : codes) {
            QList<QByteArray> &zones = index[code];
            if (!zones.contains(row.zone))
                zones.append(row.zone);
        }
    }
    return index;
}

} // namespace

QList<QTimeZone> usAreaCodeZones(const QString &areaCode)
{
    static const QHash<QString, QList<QByteArray>> index = buildAreaCodeIndex();
    QList<QTimeZone> out;
    for (const QByteArray &id : index.value(areaCode))
        out.append(QTimeZone(id));
    return out;
}

} // namespace ringside::campaigns
