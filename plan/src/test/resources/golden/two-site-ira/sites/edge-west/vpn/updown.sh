#!/bin/sh
# strongSwan updown for the AWS tunnels of site edge-west of EKS hybrid cluster hybrid-two-site (hybridctl plan). Install as /etc/swanctl/hybridctl-edge-west-updown.sh.
# While a tunnel's CHILD_SA is up its XFRM interface carries the VPC routes; tunnel 1 wins by metric, and when its SA
# goes down (DPD, rekey failure, AWS maintenance) its routes go with it, so tunnel 2 carries the traffic.
set -e
case "$PLUTO_CONNECTION" in
  edge-west-t1) ifname=xfrm21 ifid=21 metric=101 ;;
  edge-west-t2) ifname=xfrm22 ifid=22 metric=102 ;;
  *) exit 0 ;;
esac
networks="10.250.0.0/16 10.80.0.0/24 10.85.0.0/20"
case "$PLUTO_VERB" in
  up-client)
    ip link show "$ifname" >/dev/null 2>&1 || ip link add "$ifname" type xfrm if_id "$ifid"
    ip link set "$ifname" up
    for net in $networks; do ip route replace "$net" dev "$ifname" metric "$metric"; done
    ;;
  down-client)
    for net in $networks; do ip route del "$net" dev "$ifname" metric "$metric" 2>/dev/null || true; done
    ;;
esac
