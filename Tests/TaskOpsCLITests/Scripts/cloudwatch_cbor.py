"""Calls the simulator's CloudWatch with botocore's smithy RPC v2 CBOR protocol (what current AWS
CLIs speak) and prints what came back as JSON. Usage: cloudwatch_cbor.py ENDPOINT"""
import datetime
import json
import sys

import botocore.model
import botocore.session

# botocore prefers JSON when a service offers both; put CBOR first, as AWS CLI v2 does.
botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS = ("smithy-rpc-v2-cbor",) + tuple(
    p for p in botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS if p != "smithy-rpc-v2-cbor")

session = botocore.session.get_session()
client = session.create_client("cloudwatch", endpoint_url=sys.argv[1], region_name="us-east-1",
                               aws_access_key_id="AKIDCBOR", aws_secret_access_key="secret")
assert client.meta.service_model.resolved_protocol == "smithy-rpc-v2-cbor"
now = datetime.datetime.now(datetime.timezone.utc)
alarms = client.describe_alarms(MaxRecords=2)
data = client.get_metric_data(
    StartTime=now - datetime.timedelta(hours=1), EndTime=now + datetime.timedelta(minutes=5),
    MetricDataQueries=[{"Id": "a", "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Invocations"},
                                                  "Period": 60, "Stat": "Sum"}}])
dashboards = client.list_dashboards()
try:
    client.get_dashboard(DashboardName="no-such-dashboard")
    missing = "found"
except client.exceptions.ClientError as error:
    missing = error.response["Error"]["Code"]
print(json.dumps({
    "alarms": [a["AlarmName"] for a in alarms["MetricAlarms"]],
    "next": "NextToken" in alarms,
    "stateUpdatedIsDate": isinstance(alarms["MetricAlarms"][0]["StateUpdatedTimestamp"], datetime.datetime),
    "series": len(data["MetricDataResults"]),
    "points": len(data["MetricDataResults"][0]["Values"]),
    "timestampsAreDates": all(isinstance(t, datetime.datetime) for t in data["MetricDataResults"][0]["Timestamps"]),
    "dashboards": [d["DashboardName"] for d in dashboards["DashboardEntries"]],
    "missing": missing,
}))
